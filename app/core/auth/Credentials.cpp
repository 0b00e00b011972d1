#include "Credentials.h"

#include <algorithm>

QString Credentials::checkField(Field field, const QString &text)
{
    const bool control = std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() < 0x20 || c.unicode() == 0x7f;
    });
    if (!control)
        return {};
    switch (field) {
    case Field::ApiToken:
        return tr("The API token holds a line break or another control character. Copy it again from Cloudflare and paste it alone.");
    case Field::Email:
        return tr("The email holds a line break or another control character.");
    case Field::GlobalApiKey:
        return tr("The Global API Key holds a line break or another control character. Copy it again from Cloudflare and paste it alone.");
    }
    return {};
}

QString Credentials::problem() const
{
    if (scheme == Scheme::ApiToken)
        return checkField(Field::ApiToken, apiToken);
    if (const QString emailProblem = checkField(Field::Email, email); !emailProblem.isEmpty())
        return emailProblem;
    return checkField(Field::GlobalApiKey, globalApiKey);
}

QString Credentials::withoutSurroundingSpace(const QString &typed, bool *trimmed)
{
    const QString text = typed.trimmed();
    if (trimmed)
        *trimmed = text.size() != typed.size();
    return text;
}
