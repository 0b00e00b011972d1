#pragma once

#include <QLocale>
#include <QString>
#include <QTranslator>

// The translations a process speaks, installed into the application for as long as this
// lives: the app's own for the first of the locale's languages it has (compiled into the
// core under :/i18n, from resources/translations/), then Qt's own (qtbase_) in that same
// language, so that a dialog's standard buttons never speak another language than the
// window. A language the app has no translation for leaves everything English, silently.
// Made in main() right after the application object, before any text is made; tests pass
// the locale they want.
class Translations
{
public:
    explicit Translations(const QLocale &locale = QLocale());
    Q_DISABLE_COPY_MOVE(Translations)

    // The app's language in use ("de"), empty when it speaks English.
    QString language() const;

    // tr()'s n for a count that may not fit an int (a server's total_count): the count itself
    // when it fits, else a smaller one with the same last three digits and the same leading
    // group of three, which is all Qt's plural rules look at.
    static int numerus(qint64 count);

private:
    // The source texts are English, but tr()'s plural forms need English forms too ("1 token"
    // for "%1 tokens"): they are a translation of their own (build-token-browser_en), below
    // every other.
    QTranslator m_englishPlurals;
    QTranslator m_app;
    QTranslator m_qt;
};
