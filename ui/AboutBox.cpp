#include "AboutBox.h"

#include "AppInfo.h"

#include <QCoreApplication>
#include <QMessageBox>

using namespace Qt::Literals::StringLiterals;

void showAboutBox(QWidget *parent)
{
    // Not QMessageBox::about(), which runs a nested event loop.
    auto *box = new QMessageBox(QMessageBox::NoIcon, QCoreApplication::translate("AboutBox", "About Build Token Browser"),
                                QCoreApplication::translate("AboutBox",
                                                            "<h3>Build Token Browser %1</h3>"
                                                            "<p>Browse the build tokens of Cloudflare Workers Builds.</p>"
                                                            "<p>Secrets stay in the system keychain (or in memory, if you "
                                                            "choose so) and are sent only to the profile's API base URL.</p>"
                                                            "<p>MIT licence \u00b7 <a href=\"%2\">%2</a></p>"
                                                            "<p>Qt %3 \u00b7 QtKeychain %4</p>")
                                    .arg(AppInfo::Version, AppInfo::Homepage, QLatin1StringView(qVersion()),
                                         AppInfo::QtKeychainVersion),
                                QMessageBox::Ok, parent);
    box->setObjectName(u"aboutBox"_s);
    box->setIconPixmap(parent->windowIcon().pixmap(64));
    box->setTextInteractionFlags(Qt::TextBrowserInteraction); // the homepage opens in the browser
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
