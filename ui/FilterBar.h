#pragma once

#include <QWidget>

class BuildTokenFilterModel;
class QLabel;
class QLineEdit;
class QTimer;

// The filter row above the token table: the text typed narrows `tokens`, and "N of M shown"
// follows every change of the rows while a filter is set. Esc in the field clears it first;
// only an empty field lets Esc through to the window (Cancel). Over many rows, typing is
// filtered once it pauses, not at every key.
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    // From this many rows on a keystroke costs milliseconds (about 40 at 100,000 rows)...
    static constexpr int DebounceFromRows = 10000;
    // ...and the filter waits this long for the next one.
    static constexpr int DebounceMs = 150;
    static constexpr int AnnounceAfterMs = 700; // the count, to a screen reader

    // `tokens` must have its token model set already: the count follows both.
    explicit FilterBar(BuildTokenFilterModel *tokens, QWidget *parent = nullptr);

public slots:
    // Ctrl+F: the field gets focus with its text selected, so typing replaces it.
    void focusFilter();
    // Forgets the text, e.g. when the listing it was typed for is gone.
    void clear();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCount();
    void applyFilter();

    BuildTokenFilterModel *m_tokens;
    QLineEdit *m_edit;
    QLabel *m_count;
    QTimer *m_debounce;
    QTimer *m_announce;
};
