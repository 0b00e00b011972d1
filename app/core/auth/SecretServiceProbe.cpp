#include "SecretServiceProbe.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

// The names QtKeychain talks to: the Secret Service (GNOME Keyring, KeePassXC, KWallet 5.97+)
// through libsecret, and KWallet's own daemons.
const QStringList ServiceNames{u"org.freedesktop.secrets"_s, u"org.kde.kwalletd5"_s, u"org.kde.kwalletd6"_s,
                               u"org.kde.kwalletd"_s};

QDBusPendingCall askBus(const QDBusConnection &bus, const QString &method)
{
    return bus.asyncCall(QDBusMessage::createMethodCall(u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
                                                        u"org.freedesktop.DBus"_s, method));
}

bool namesAny(const QDBusPendingCall &call)
{
    const QDBusPendingReply<QStringList> reply(call);
    if (reply.isError())
        return false;
    for (const QString &name : reply.value()) {
        if (ServiceNames.contains(name))
            return true;
    }
    return false;
}

} // namespace

void SecretServiceProbe::check(QObject *context, std::function<void(const QString &problem)> done)
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        const QString problem = QCoreApplication::translate("SecretServiceProbe", "there is no D-Bus session bus: %1").arg(bus.lastError().message());
        QTimer::singleShot(0, context, [done = std::move(done), problem] { done(problem); });
        return;
    }
    // Running (owned) or startable (activatable): either lets the keychain job go ahead.
    struct Answers
    {
        QDBusPendingCall owned;
        QDBusPendingCall activatable;
        int waiting = 2;
    };
    auto answers = std::make_shared<Answers>(Answers{askBus(bus, u"ListNames"_s), askBus(bus, u"ListActivatableNames"_s)});
    auto shared = std::make_shared<std::function<void(const QString &)>>(std::move(done));
    for (const QDBusPendingCall &call : {answers->owned, answers->activatable}) {
        auto *watcher = new QDBusPendingCallWatcher(call, context);
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [answers, shared, watcher] {
            watcher->deleteLater();
            if (--answers->waiting > 0)
                return;
            (*shared)(namesAny(answers->owned) || namesAny(answers->activatable)
                          ? QString()
                          : QCoreApplication::translate("SecretServiceProbe", "no Secret Service (org.freedesktop.secrets) is running on the D-Bus session bus, "
                                        "and none is installed to start there"));
        });
    }
}

#else

void SecretServiceProbe::check(QObject *context, std::function<void(const QString &problem)> done)
{
    QTimer::singleShot(0, context, [done = std::move(done)] { done({}); });
}

#endif
