#include "Icons.h"

#include "AppInfo.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include <cmath>
#include <initializer_list>

using namespace Qt::Literals::StringLiterals;

namespace {

// An icon drawn on a 16 by 16 grid: lines in `ink`, the palette's colour for the icon's
// mode, so that it reads on a dark theme as on a light one.
using Drawing = void (*)(QPainter &painter, const QColor &ink);

using Polyline = std::initializer_list<QPointF>;

// Round-capped, round-joined lines 1.6 wide: every outline icon's stroke.
void lines(QPainter &painter, const QColor &ink, std::initializer_list<Polyline> polylines, qreal width = 1.6)
{
    QPainterPath path;
    for (const Polyline &polyline : polylines) {
        const QPointF *point = polyline.begin();
        path.moveTo(*point);
        while (++point != polyline.end())
            path.lineTo(*point);
    }
    painter.setPen(QPen(ink, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
}

// A white cross on a round badge of `fill`.
void crossOnBadge(QPainter &painter, const QColor &fill, qreal reach)
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawEllipse(QPointF(8, 8), 6.2, 6.2);
    const qreal from = 8 - reach;
    const qreal to = 8 + reach;
    lines(painter, Qt::white, {{{from, from}, {to, to}}, {{to, from}, {from, to}}});
}

struct Named
{
    const char16_t *name;
    Drawing draw;
};

// The icons the app names (Actions, the connection bar, the details pane, AppStyle), after
// the freedesktop.org names a desktop theme may have an icon for.
const Named icons[] = {
    {u"go-first", [](QPainter &p, const QColor &ink) { lines(p, ink, {{{4, 3}, {4, 13}}, {{12, 3}, {7, 8}, {12, 13}}}); }},
    {u"go-previous", [](QPainter &p, const QColor &ink) { lines(p, ink, {{{10, 3}, {5, 8}, {10, 13}}}); }},
    {u"go-next", [](QPainter &p, const QColor &ink) { lines(p, ink, {{{6, 3}, {11, 8}, {6, 13}}}); }},
    {u"go-last", [](QPainter &p, const QColor &ink) { lines(p, ink, {{{12, 3}, {12, 13}}, {{4, 3}, {9, 8}, {4, 13}}}); }},
    {u"go-bottom",
     [](QPainter &p, const QColor &ink) {
         lines(p, ink, {{{3, 13}, {13, 13}}, {{4, 3}, {8, 7}, {12, 3}}, {{4, 7}, {8, 11}, {12, 7}}});
     }},
    {u"toolbar-extension",
     [](QPainter &p, const QColor &ink) { lines(p, ink, {{{4, 4}, {8, 8}, {4, 12}}, {{9, 4}, {13, 8}, {9, 12}}}); }},
    {u"toolbar-extension-rtl",
     [](QPainter &p, const QColor &ink) { lines(p, ink, {{{12, 4}, {8, 8}, {12, 12}}, {{7, 4}, {3, 8}, {7, 12}}}); }},
    {u"application-exit",
     [](QPainter &p, const QColor &ink) {
         lines(p, ink, {{{9, 3}, {3.5, 3}, {3.5, 13}, {9, 13}}, {{7, 8}, {14, 8}}, {{11.5, 5.5}, {14, 8}, {11.5, 10.5}}});
     }},
    {u"document-save-as",
     [](QPainter &p, const QColor &ink) {
         lines(p, ink, {{{8, 2}, {8, 10}}, {{4.5, 6.5}, {8, 10}, {11.5, 6.5}}, {{2.5, 12}, {2.5, 14}, {13.5, 14}, {13.5, 12}}});
     }},
    {u"view-refresh",
     [](QPainter &p, const QColor &ink) {
         // Most of a circle, clockwise from three o'clock to the arrow's head near one.
         QPainterPath arc(QPointF(13, 8));
         arc.arcTo(QRectF(3, 3, 10, 10), 0, -(360 - std::atan2(3.6, 3.5) * 180 / M_PI));
         p.setPen(QPen(ink, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
         p.setBrush(Qt::NoBrush);
         p.drawPath(arc);
         lines(p, ink, {{{13, 2.5}, {13, 5.5}, {10, 5.5}}});
     }},
    {u"edit-copy",
     [](QPainter &p, const QColor &ink) {
         p.setPen(QPen(ink, 1.4, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
         p.setBrush(Qt::NoBrush);
         p.drawRoundedRect(QRectF(5.5, 5.5, 8, 9), 1, 1);
         QPainterPath back(QPointF(3.5, 10.5));
         back.lineTo(2.5, 10.5);
         back.lineTo(2.5, 2.5);
         back.arcTo(QRectF(2.5, 1.5, 2, 2), 180, -90);
         back.lineTo(9.5, 1.5);
         back.lineTo(9.5, 2.5);
         p.drawPath(back);
     }},
    {u"edit-clear", [](QPainter &p, const QColor &) { crossOnBadge(p, QColor(0x8a, 0x90, 0x9a), 2.4); }},
    {u"process-stop", [](QPainter &p, const QColor &) { crossOnBadge(p, QColor(0xd9, 0x53, 0x4f), 2.5); }},
};

Drawing drawingOf(const QString &name)
{
    for (const Named &icon : icons) {
        if (name == QStringView(icon.name))
            return icon.draw;
    }
    return nullptr;
}

// The app's own icon (as resources/icons/build-token-browser.svg, which the package installs
// for the desktop), on a 64 by 64 grid scaled to 16: its colours are the brand's, not the
// palette's.
void drawApplication(QPainter &p, const QColor &)
{
    p.scale(0.25, 0.25);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xf3, 0x80, 0x20));
    p.drawRoundedRect(QRectF(4, 4, 56, 56), 12, 12);
    p.setPen(QPen(Qt::white, 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QPointF(24, 32), 10, 10);
    QPainterPath key(QPointF(34, 32));
    key.lineTo(54, 32);
    key.moveTo(46, 32);
    key.lineTo(46, 41);
    key.moveTo(52, 32);
    key.lineTo(52, 38);
    p.drawPath(key);
}

// Draws at any size and scale, in the palette of the moment: no file is read and nothing is
// parsed, so the first page is not held up by an image plugin, and a theme switched to dark
// while the app runs gets light icons the next time they are drawn.
class DrawnIconEngine : public QIconEngine
{
public:
    explicit DrawnIconEngine(Drawing draw) : m_draw(draw) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QColor ink = QGuiApplication::palette().color(mode == QIcon::Selected ? QPalette::HighlightedText
                                                                                    : QPalette::ButtonText);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        // Disabled, the whole icon fades: the badges and the app's icon keep their colours.
        if (mode == QIcon::Disabled)
            painter->setOpacity(0.45);
        const int side = qMin(rect.width(), rect.height());
        painter->translate(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
        painter->scale(side / 16.0, side / 16.0);
        m_draw(*painter, ink);
        painter->restore();
    }
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        const int side = qMin(size.width(), size.height());
        return {side, side};
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }
    // `size` in device pixels; QIcon gives the pixmap its device pixel ratio.
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal) override
    {
        QPixmap pixmap(actualSize(size, mode, state));
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, pixmap.rect(), mode, state);
        return pixmap;
    }
    QString key() const override { return u"btb-drawn"_s; }
    QIconEngine *clone() const override { return new DrawnIconEngine(*this); }

private:
    Drawing m_draw;
};

// The desktop theme's icon of `themeName` where it has one, else `drawn`, looked up when the
// icon is first drawn or measured: most icons (menus, buttons not shown yet) are not drawn
// before the first page is, and a theme lookup reads folders. Everything else is the
// resolved icon's.
class ThemedIconEngine : public QIconEngine
{
public:
    ThemedIconEngine(const QString &themeName, Drawing drawn) : m_themeName(themeName), m_drawn(drawn) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, 1.0, mode, state);
    }
    // `size` is in device pixels here, as QIcon::pixmap(size, scale) passes it on: back to
    // the size it came from (exact for a scale of 1 or more), for that same call.
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return icon().pixmap(size / scale, scale, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override { return icon().availableSizes(mode, state); }
    QString iconName() override { return m_themeName; } // as QIcon::fromTheme() tells its name
    // Asked to lay out a button or a menu: answered without a theme lookup.
    bool isNull() override { return !m_drawn && !QIcon::hasThemeIcon(m_themeName); }
    QString key() const override { return u"btb-themed"_s; }
    QIconEngine *clone() const override { return new ThemedIconEngine(*this); }

private:
    QIcon &icon()
    {
        if (!m_resolved) {
            m_icon = QIcon::fromTheme(m_themeName, m_drawn ? QIcon(new DrawnIconEngine(m_drawn)) : QIcon());
            m_resolved = true;
        }
        return m_icon;
    }

    QString m_themeName;
    Drawing m_drawn;
    QIcon m_icon;
    bool m_resolved = false;
};

} // namespace

namespace Icons {

QIcon themed(const QString &name)
{
    return QIcon(new ThemedIconEngine(name, drawingOf(name)));
}

QIcon application()
{
    return QIcon(new ThemedIconEngine(AppInfo::ApplicationId, drawApplication));
}

} // namespace Icons
