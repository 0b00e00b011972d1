#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

// Where secrets live: the OS keychain, or memory for this session only. Never a file.
// Every call is asynchronous and answers once through its callback, unless `context` is
// destroyed first.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Error {
        None,
        NotFound,     // nothing stored under that key: not a failure to show
        Unavailable,  // no keychain service, or it could not be reached
        AccessDenied, // locked, or the person refused
        Other,
    };

    struct Result
    {
        Error error = Error::None;
        QString secret;  // read() only
        QString message; // what failed and what to do, for a person; never the secret
        bool ok() const { return error == Error::None; }
    };
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;

    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, Callback done) = 0;
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;
};
