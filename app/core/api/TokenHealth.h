#pragma once

#include "ApiToken.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <memory>

// Whether a build token's underlying API token still works, as far as Cloudflare tells.
struct TokenHealth
{
    Q_DECLARE_TR_FUNCTIONS(TokenHealth)

public:
    // Ordered from worst to best for sorting: what breaks a build comes first.
    enum class Verdict { Missing, Revoked, Expired, Disabled, Unknown, Active };

    Verdict verdict = Verdict::Unknown;
    // Whether `token` holds the record it was judged from: none when missing or unknown (in the
    // verdict's padding, where std::optional's flag took 8 bytes).
    bool hasToken = false;
    // Held in place, not in an allocation of its own: the TokenHealth itself is what rows, the
    // checker's cache and the report share (HealthById), so a second shared block a record was
    // only overhead (some 8 MB at 100,000 records).
    ApiTokenDetails token;
    SharedText note; // why, for a person: who may own a missing token, which permission to add

    // The verdict from the record, at `now`: an active token past its expires_on is expired,
    // and a status the app does not know is unknown (a build cannot count on it).
    static TokenHealth of(const ApiToken &token, const QDateTime &now);
    // No API token of the caller has this id: deleted, or another member's.
    static TokenHealth missing();
    // The credentials may not read API tokens: nothing can be told.
    static TokenHealth withoutPermission();
    // The check failed for this token (`reason` is the error's text).
    static TokenHealth notChecked(const QString &reason);

    // Stable, never translated: the CLI's JSON and the CSV carry it ("active", "missing", …).
    QString id() const;
    // For a cell: "Active", "Missing", …
    QString title() const;
    QString tokenStatus() const { return token.status; }
    QString expiresOn() const { return token.expiresOn; }
    QString lastUsedOn() const { return token.lastUsedOn; }
    // Whether a build can count on it.
    bool isUsable() const { return verdict == Verdict::Active; }

    // The permission the health check needs, as Cloudflare's dashboard names it.
    static QString requiredPermission();
};

// Health records by API token id (a build token's cloudflare_token_id). Each is made once and
// shared by a check's report, the checker's cache and every row of its API token: applying
// 100,000 of them is a lookup a row, not a copy.
using HealthById = QHash<IdText, std::shared_ptr<const TokenHealth>>;
