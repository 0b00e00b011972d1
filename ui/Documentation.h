#pragma once

#include <QString>
#include <QUrl>

#include <functional>

// Help → Documentation: the README's web page, which is the newest; where no browser opens
// it, the README the package installed; where neither opens, the message says where both are.
namespace Documentation {

QUrl webPage();
// The installed README (<data dir>/doc/<package>/README.md), or empty.
QString installedReadme();

// Opens the documentation with `open` (QDesktopServices::openUrl, unless a test says) and
// returns what the status bar says about it.
QString open(const std::function<bool(const QUrl &)> &open);
QString open();

} // namespace Documentation
