#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QPushButton;
class ToneLabel;

// What stands in for the table while it has no rows: a line of text and the next things to
// do as buttons (Add a Cloudflare Profile…, Explore Demo Data, Go to the Last Page). The first
// button takes the focus when the panel comes, and Enter presses it.
class EmptyStatePanel : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStatePanel(QWidget *parent = nullptr);

    // Shows `text` and a button for each of `actions`; the same again changes nothing (a
    // button that has the focus keeps it).
    void showState(const QString &text, const QList<QAction *> &actions);
    QString text() const;
    QList<QPushButton *> buttons() const { return m_buttons; }
    // No: the panel fills the table's place, always taller than its text. A height that
    // follows the width made every layout of the window measure the wrapped text again (32
    // measurements, 2.9M instructions, before the first page).
    bool hasHeightForWidth() const override { return false; }

private:
    ToneLabel *m_text;
    QHBoxLayout *m_row;
    QList<QAction *> m_actions;
    QList<QPushButton *> m_buttons;
};
