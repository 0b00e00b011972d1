#pragma once

#include <QColor>
#include <QLabel>

class QPalette;

// Colours derived from the palette, so that a dark desktop theme gets readable text: a
// palette has no "muted" or "error" role, and the disabled text colour Qt would offer for
// guidance text reads at about 1.6:1. Every colour here reads at 4.5:1 or more on the
// palette's window colour (WCAG AA).
namespace Theme {

bool isDark(const QPalette &palette);
// WCAG's contrast ratio of two colours, 1 to 21.
double contrast(const QColor &a, const QColor &b);
// The window text colour moved toward the window colour as far as 4.5:1 allows.
QColor mutedText(const QPalette &palette);
// A red (dark red on light, light red on dark) that reads at 4.5:1 or more.
QColor errorText(const QPalette &palette);
// `from` moved toward `to` by `amount` (0 to 1).
QColor mix(const QColor &from, const QColor &to, double amount);

} // namespace Theme

// A plain-text label in one of the tones above, kept right when the palette changes (the
// desktop switches theme). Text shown as a result (an error, a connection test) is also
// sent to screen readers as an alert, since it appears where focus is not.
class ToneLabel : public QLabel
{
    Q_OBJECT

public:
    enum class Tone { Normal, Muted, Error };

    explicit ToneLabel(Tone tone = Tone::Normal, QWidget *parent = nullptr);

    Tone tone() const { return m_tone; }
    void setTone(Tone tone);
    // Shows `text` in `tone` and announces it.
    void showResult(const QString &text, Tone tone);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTone();

    Tone m_tone;
    bool m_applying = false;
};
