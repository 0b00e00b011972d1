#include "Documentation.h"

#include "AppInfo.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace Documentation {

QUrl webPage()
{
    return QUrl(AppInfo::Homepage + u"#readme"_s);
}

QString installedReadme()
{
    return QStandardPaths::locate(QStandardPaths::GenericDataLocation, u"doc/%1/README.md"_s.arg(AppInfo::PackageName));
}

QString open(const std::function<bool(const QUrl &)> &open)
{
    const QUrl web = webPage();
    if (open(web))
        return QCoreApplication::translate("Documentation", "Opening the user guide in the web browser\u2026");
    const QString readme = installedReadme();
    if (!readme.isEmpty() && open(QUrl::fromLocalFile(readme)))
        return QCoreApplication::translate("Documentation", "No web browser opened the user guide; opening the installed copy\u2026");
    if (!readme.isEmpty())
        return QCoreApplication::translate("Documentation", "Nothing could open the user guide: it is at %1 and in %2.")
            .arg(web.toString(), readme);
    return QCoreApplication::translate("Documentation", "Nothing could open the user guide: it is at %1.").arg(web.toString());
}

QString open()
{
    return open([](const QUrl &url) { return QDesktopServices::openUrl(url); });
}

} // namespace Documentation
