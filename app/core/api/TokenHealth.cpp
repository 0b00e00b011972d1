#include "TokenHealth.h"

using namespace Qt::Literals::StringLiterals;

TokenHealth TokenHealth::of(const ApiToken &token, const QDateTime &now)
{
    TokenHealth health;
    health.token = token;
    health.hasToken = true;
    const QString status = token.status.toString().trimmed().toLower();
    if (status == u"active"_s) {
        const QDateTime expires = QDateTime::fromString(token.expiresOn, Qt::ISODate);
        health.verdict = expires.isValid() && expires <= now ? Verdict::Expired : Verdict::Active;
        if (health.verdict == Verdict::Expired)
            health.note = tr("Its expiry date has passed, though Cloudflare still calls it active.");
    } else if (status == u"disabled"_s) {
        health.verdict = Verdict::Disabled;
    } else if (status == u"expired"_s) {
        health.verdict = Verdict::Expired;
    } else if (status.startsWith(u"revoked"_s)) { // "revoked (exposed)": Cloudflare found it leaked
        health.verdict = Verdict::Revoked;
    } else {
        health.verdict = Verdict::Unknown;
        //: %1 is the status text Cloudflare sent
        health.note = tr("Cloudflare calls it \u201c%1\u201d, a status this app does not know: do not count on it.")
                          .arg(token.status);
    }
    return health;
}

TokenHealth TokenHealth::missing()
{
    TokenHealth health;
    health.verdict = Verdict::Missing;
    health.note = tr("None of your API tokens has this id: it was deleted, or it belongs to another member "
                     "of the account, whose tokens you cannot see.");
    return health;
}

TokenHealth TokenHealth::withoutPermission()
{
    TokenHealth health;
    health.verdict = Verdict::Unknown;
    //: %1 is the permission's name
    health.note = tr("The credentials may not read API tokens: add the \u201c%1\u201d permission to the API token.")
                      .arg(requiredPermission());
    return health;
}

TokenHealth TokenHealth::notChecked(const QString &reason)
{
    TokenHealth health;
    health.verdict = Verdict::Unknown;
    //: %1 is the error
    health.note = tr("It could not be checked: %1").arg(reason);
    return health;
}

QString TokenHealth::id() const
{
    switch (verdict) {
    case Verdict::Active: return u"active"_s;
    case Verdict::Disabled: return u"disabled"_s;
    case Verdict::Expired: return u"expired"_s;
    case Verdict::Revoked: return u"revoked"_s;
    case Verdict::Missing: return u"missing"_s;
    case Verdict::Unknown: break;
    }
    return u"unknown"_s;
}

QString TokenHealth::title() const
{
    switch (verdict) {
    case Verdict::Active: return tr("Active");
    case Verdict::Disabled: return tr("Disabled");
    case Verdict::Expired: return tr("Expired");
    case Verdict::Revoked: return tr("Revoked");
    case Verdict::Missing: return tr("Missing");
    case Verdict::Unknown: break;
    }
    return tr("Unknown");
}

QString TokenHealth::requiredPermission()
{
    return u"API Tokens Read"_s; // Cloudflare's own name, as a person finds it in the dashboard
}
