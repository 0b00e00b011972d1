#include "EnrichmentText.h"

#include "UntrustedText.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace EnrichmentText {

namespace {

// A text from the server, inside our words.
QString shown(const QString &text)
{
    return UntrustedText::isolate(UntrustedText::showInvisible(text));
}

} // namespace

// The texts keep the contexts of the classes they describe, TokenHealth and UsageScanService.
QString health(const TokenHealth &health)
{
    QStringList lines{health.note.isEmpty()
                          ? health.title()
                          : QCoreApplication::translate("TokenHealth", "%1: %2", "the verdict, then why").arg(health.title(), health.note)};
    if (!health.hasToken)
        return lines.join(u'\n');
    const ApiTokenDetails &token = health.token;
    //: %1 is the API token's name
    lines << QCoreApplication::translate("TokenHealth", "API token \u201c%1\u201d, status \u201c%2\u201d").arg(shown(token.name), shown(token.status));
    const auto addDate = [&lines](const char *label, const QString &date) {
        if (!date.isEmpty())
            lines << QCoreApplication::translate("TokenHealth", "%1: %2", "a date's label, then the date")
                         .arg(QCoreApplication::translate("TokenHealth", label), shown(date));
    };
    addDate(QT_TRANSLATE_NOOP("TokenHealth", "Issued"), token.issuedOn);
    addDate(QT_TRANSLATE_NOOP("TokenHealth", "Modified"), token.modifiedOn);
    addDate(QT_TRANSLATE_NOOP("TokenHealth", "Not before"), token.notBefore);
    // Expires and Last used are columns (and fields) of their own.
    for (const QString &policy : token.policies)
        lines << QCoreApplication::translate("TokenHealth", "Policy: %1").arg(shown(policy));
    return lines.join(u'\n');
}

QString usage(const QList<TriggerUse> &uses)
{
    if (uses.isEmpty())
        return QCoreApplication::translate("UsageScanService", "No live build trigger uses this build token.");
    QStringList lines;
    for (const TriggerUse &use : uses) {
        //: %1 is a Worker's name, %2 a trigger's name
        const QString trigger = QCoreApplication::translate("UsageScanService", "Used by Worker \u201c%1\u201d, trigger \u201c%2\u201d")
                                    .arg(shown(use.workerName), shown(use.triggerName));
        QStringList branches;
        for (const QString &branch : use.branches)
            branches << shown(branch);
        lines << (branches.isEmpty() ? trigger
                                     //: %1 is the trigger line, %2 its branches
                                     : QCoreApplication::translate("UsageScanService", "%1 (branches: %2)")
                                           .arg(trigger, branches.join(u", "_s)));
    }
    return lines.join(u'\n');
}

} // namespace EnrichmentText
