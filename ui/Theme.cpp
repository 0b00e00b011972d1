#include "Theme.h"

#include <QAccessible>
#include <QEvent>
#include <QPalette>

#include <cmath>

namespace {

constexpr double Readable = 4.5;

double luminance(const QColor &colour)
{
    const auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const QColor rgb = colour.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

// The farthest step from `strong` halfway toward `background` that still reads; `strong`
// itself when none does (a palette of its own making).
QColor softened(const QColor &strong, const QColor &background)
{
    for (double amount = 0.5; amount > 0; amount -= 0.05) {
        const QColor candidate = Theme::mix(strong, background, amount);
        if (Theme::contrast(candidate, background) >= Readable)
            return candidate;
    }
    return strong;
}

} // namespace

namespace Theme {

QColor mix(const QColor &from, const QColor &to, double amount)
{
    const QColor a = from.toRgb();
    const QColor b = to.toRgb();
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amount), float(a.greenF() + (b.greenF() - a.greenF()) * amount),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor mutedText(const QPalette &palette)
{
    return softened(palette.color(QPalette::WindowText), palette.color(QPalette::Window));
}

QColor errorText(const QPalette &palette)
{
    // Material's error reds, darkened (or lightened) further where the window needs it.
    const QColor window = palette.color(QPalette::Window);
    const QColor red = isDark(palette) ? QColor(0xf2, 0xb8, 0xb5) : QColor(0xb3, 0x26, 0x1e);
    const QColor extreme = isDark(palette) ? QColor(Qt::white) : QColor(Qt::black);
    QColor readable = red;
    for (double amount = 0.1; contrast(readable, window) < Readable && amount <= 1.0; amount += 0.1)
        readable = mix(red, extreme, amount);
    return readable;
}

} // namespace Theme

ToneLabel::ToneLabel(Tone tone, QWidget *parent) : QLabel(parent), m_tone(tone)
{
    setTextFormat(Qt::PlainText); // server and people's words among ours
    setWordWrap(true);
    applyTone();
}

void ToneLabel::setTone(Tone tone)
{
    m_tone = tone;
    applyTone();
}

void ToneLabel::showResult(const QString &text, Tone tone)
{
    setText(text);
    setTone(tone);
    show();
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void ToneLabel::changeEvent(QEvent *event)
{
    // Our own setPalette() sends a PaletteChange too.
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyTone();
    QLabel::changeEvent(event);
}

void ToneLabel::applyTone()
{
    m_applying = true;
    setPalette(QPalette()); // from the parent again: the theme may have changed
    if (m_tone != Tone::Normal) {
        QPalette tinted = palette();
        tinted.setColor(QPalette::WindowText, m_tone == Tone::Muted ? Theme::mutedText(tinted) : Theme::errorText(tinted));
        setPalette(tinted);
    }
    m_applying = false;
}
