#pragma once

// What the desktop app tells the desktop it is: its display name (window titles) and its
// desktop file name, the application id, which is also the installed desktop entry's name
// and so how a desktop finds the entry's icon and name for the window (the Wayland app id).
void setDesktopIdentity();
