#include "TokenColumns.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

QString ColumnSpec::displayTitle() const
{
    return QCoreApplication::translate("TokenColumns", title);
}

namespace TokenColumns {

namespace {

// A health field for JSON: null where no check told, or the API gave none.
template<QString (TokenHealth::*field)() const>
QJsonValue healthJson(const BuildToken &token)
{
    const QString value = token.health ? (token.health.get()->*field)() : QString();
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QStringList usageLabels(const BuildToken &token)
{
    QStringList labels;
    for (const TriggerUse &use : *token.usage)
        labels << use.label();
    return labels;
}

QList<ColumnSpec> &registry()
{
    // In enum Column's order; append new columns at the end.
    static QList<ColumnSpec> columns{
        {u"name"_s, u"build_token_name"_s, QT_TRANSLATE_NOOP("TokenColumns", "Name"),
         [](const BuildToken &t) { return t.name; }, nullptr, true, {}, true, false, true},
        {u"uuid"_s, u"build_token_uuid"_s, QT_TRANSLATE_NOOP("TokenColumns", "UUID"),
         [](const BuildToken &t) { return t.uuid.toString(); }, nullptr, true, u"00000000-0000-0000-0000-000000000000"_s, true,
         true, false, ColumnSpec::Group::Listing, nullptr, nullptr, nullptr,
         [](const BuildToken &t, const QString &text) { return t.uuid.contains(text, Qt::CaseInsensitive); }},
        {u"cloudflare_token_id"_s, u"cloudflare_token_id"_s, QT_TRANSLATE_NOOP("TokenColumns", "Cloudflare token ID"),
         [](const BuildToken &t) { return t.cloudflareTokenId.toString(); }, nullptr, true, u"00000000000000000000000000000000"_s,
         true, true, false, ColumnSpec::Group::Listing, nullptr, nullptr, nullptr,
         [](const BuildToken &t, const QString &text) { return t.cloudflareTokenId.contains(text, Qt::CaseInsensitive); }},
        // Hidden at first: only "user" is documented, and Health needs the width more.
        {u"owner_type"_s, u"owner_type"_s, QT_TRANSLATE_NOOP("TokenColumns", "Owner type"),
         [](const BuildToken &t) { return t.ownerType.toString(); }, nullptr, true, {}, false},
        // A health check's: empty (null in JSON) until one told.
        {u"health"_s, u"health"_s, QT_TRANSLATE_NOOP("TokenColumns", "Health"),
         [](const BuildToken &t) { return t.health ? t.health->id() : QString(); },
         [](const BuildToken &t) { return QVariant(t.health ? int(t.health->verdict) : 99); }, true, // unchecked last
         u"Disabled"_s, true, false, false, ColumnSpec::Group::Health,
         [](const BuildToken &t) { return t.health ? t.health->title() : QString(); }, &healthJson<&TokenHealth::id>,
         // Who may own a missing token, which permission to add.
         [](const BuildToken &t) {
             return t.health && !t.health->note.isEmpty() ? t.health->title() + u": "_s + t.health->note.toString() : QString();
         }},
        {u"token_status"_s, u"token_status"_s, QT_TRANSLATE_NOOP("TokenColumns", "API token status"),
         [](const BuildToken &t) { return t.health ? t.health->tokenStatus() : QString(); }, nullptr, true, {}, false,
         false, false, ColumnSpec::Group::Health, nullptr, &healthJson<&TokenHealth::tokenStatus>},
        {u"expires_on"_s, u"expires_on"_s, QT_TRANSLATE_NOOP("TokenColumns", "Expires"),
         [](const BuildToken &t) { return t.health ? t.health->expiresOn() : QString(); }, nullptr, true,
         u"2026-12-31T00:00:00Z"_s, false, false, false, ColumnSpec::Group::Health,
         // An API token read without an expiry never expires; blank, it was not told.
         [](const BuildToken &t) {
             return t.health && t.health->hasToken && t.health->expiresOn().isEmpty()
                        ? QCoreApplication::translate("TokenColumns", "Never")
                        : (t.health ? t.health->expiresOn() : QString());
         },
         &healthJson<&TokenHealth::expiresOn>},
        {u"last_used_on"_s, u"last_used_on"_s, QT_TRANSLATE_NOOP("TokenColumns", "Last used"),
         [](const BuildToken &t) { return t.health ? t.health->lastUsedOn() : QString(); }, nullptr, true,
         u"2026-12-31T00:00:00Z"_s, false, false, false, ColumnSpec::Group::Health, nullptr,
         &healthJson<&TokenHealth::lastUsedOn>},
        // A usage scan's: "worker/trigger" for each live trigger; in JSON an array.
        {u"used_by"_s, u"used_by"_s, QT_TRANSLATE_NOOP("TokenColumns", "Used by"),
         [](const BuildToken &t) { return t.usage ? usageLabels(t).join(u", "_s) : QString(); }, nullptr, true,
         u"checkout-api-worker/production"_s, false, false, false, ColumnSpec::Group::Usage, // shown by a scan
         [](const BuildToken &t) {
             return !t.usage ? QString()
                    : t.usage->isEmpty() ? QCoreApplication::translate("TokenColumns", "Unused")
                                         : usageLabels(t).join(u", "_s);
         },
         [](const BuildToken &t) { return t.usage ? QJsonValue(QJsonArray::fromStringList(usageLabels(t))) : QJsonValue(); }},
    };
    return columns;
}

} // namespace

const QList<ColumnSpec> &all()
{
    return registry();
}

void append(const ColumnSpec &column)
{
    registry().append(column);
}

QList<int> ofGroups(const QList<ColumnSpec::Group> &groups)
{
    QList<int> columns;
    for (int column = 0; column < count(); ++column) {
        if (groups.contains(at(column).group))
            columns << column;
    }
    return columns;
}

QList<int> forTokens(const QList<BuildToken> &tokens)
{
    QList<ColumnSpec::Group> groups{ColumnSpec::Group::Listing};
    if (std::any_of(tokens.begin(), tokens.end(), [](const BuildToken &token) { return bool(token.health); }))
        groups << ColumnSpec::Group::Health;
    if (std::any_of(tokens.begin(), tokens.end(), [](const BuildToken &token) { return bool(token.usage); }))
        groups << ColumnSpec::Group::Usage;
    return ofGroups(groups);
}

int indexOf(const QString &id)
{
    for (int column = 0; column < count(); ++column) {
        if (at(column).id == id)
            return column;
    }
    return -1;
}

} // namespace TokenColumns
