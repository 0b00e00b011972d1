#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

// resources/translations/build-token-browser_<language>.ts, compiled and embedded by
// resources/CMakeLists.txt.
const QString Catalog = u"build-token-browser"_s;
const QString Folder = u":/i18n"_s;

bool isEnglish(const QTranslator &translator)
{
    return QLocale(translator.language()).language() == QLocale::English;
}

} // namespace

Translations::Translations(const QLocale &locale)
{
    if (m_englishPlurals.load(Catalog + u"_en"_s, Folder))
        QCoreApplication::installTranslator(&m_englishPlurals);
    // The locale's languages in order of preference (LANGUAGE=fr:de finds German); English
    // is what the app speaks without one.
    if (!m_app.load(locale, Catalog, u"_"_s, Folder) || isEnglish(m_app))
        return;
    QCoreApplication::installTranslator(&m_app);
    if (m_qt.load(QLocale(m_app.language()), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
}

QString Translations::language() const
{
    return m_app.isEmpty() || isEnglish(m_app) ? QString() : m_app.language();
}

int Translations::numerus(qint64 count)
{
    if (count <= std::numeric_limits<int>::max())
        return int(count);
    qint64 lead = count;
    while (lead >= 1000)
        lead /= 1000;
    return int(lead * 1000 + count % 1000);
}
