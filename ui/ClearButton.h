#pragma once

class QLineEdit;
class QString;

// Turns on `edit`'s clear button and gives it a name: Qt's own has none, so a screen reader
// announced an unlabelled button, and a mouse user got no tooltip.
void addClearButton(QLineEdit *edit, const QString &name);
