#pragma once

#include <QString>

#include <functional>

class QObject;

// Whether a keychain service can answer at all, asked of the D-Bus daemon (which answers at
// once) before QtKeychain is asked anything. The keychain's one platform seam: QtKeychain
// reaches the Secret Service or KWallet over the session bus on Linux and the BSDs, and
// macOS's Keychain or Windows' Credential Manager directly, where there is nothing to probe.
namespace SecretServiceProbe {

// Calls `done` (unless `context` is destroyed first) with an empty string when a keychain
// service is running or can be started on the session bus, else with what is missing, for
// a person. Never blocks on the service itself.
void check(QObject *context, std::function<void(const QString &problem)> done);

} // namespace SecretServiceProbe
