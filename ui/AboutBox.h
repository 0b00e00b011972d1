#pragma once

class QWidget;

// Opens Help → About over `parent` and returns at once; the box deletes itself when closed.
void showAboutBox(QWidget *parent);
