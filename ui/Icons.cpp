#include "Icons.h"

#include "AppInfo.h"

#include <QFile>
#include <QIconEngine>

using namespace Qt::Literals::StringLiterals;

namespace {

// The theme's icon or the bundled SVG, looked up when the icon is first drawn or measured:
// most icons (menus, buttons not shown yet) are not drawn before the first page is, and
// QIcon parses an SVG file as soon as it is added. Everything else is the resolved icon's.
class LazyIconEngine : public QIconEngine
{
public:
    LazyIconEngine(const QString &themeName, const QString &file) : m_themeName(themeName), m_file(file) {}

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
    void addPixmap(const QPixmap &pixmap, QIcon::Mode mode, QIcon::State state) override
    {
        icon().addPixmap(pixmap, mode, state);
    }
    void addFile(const QString &fileName, const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        icon().addFile(fileName, size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override { return icon().availableSizes(mode, state); }
    QString iconName() override { return icon().name(); }
    // Asked to lay out a button or a menu: answered without drawing anything. The bundled
    // file is there for every name the app uses (tst_icons).
    bool isNull() override { return !QFile::exists(m_file) && !QIcon::hasThemeIcon(m_themeName); }
    QString key() const override { return u"btb-lazy"_s; }
    QIconEngine *clone() const override { return new LazyIconEngine(*this); }

private:
    QIcon &icon()
    {
        if (!m_resolved) {
            m_icon = QIcon::fromTheme(m_themeName, QIcon(m_file));
            m_resolved = true;
        }
        return m_icon;
    }

    QString m_themeName;
    QString m_file;
    QIcon m_icon;
    bool m_resolved = false;
};

QIcon lazy(const QString &themeName, const QString &file)
{
    return QIcon(new LazyIconEngine(themeName, file));
}

} // namespace

namespace Icons {

QIcon themed(const QString &name)
{
    return lazy(name, u":/icons/"_s + name + u".svg"_s);
}

QIcon application()
{
    return lazy(AppInfo::ApplicationId, u":/icons/build-token-browser.svg"_s);
}

} // namespace Icons
