#pragma once

#include <QString>

// One item of "List accounts": what an account picker shows and what goes into request paths.
struct Account
{
    QString id;
    QString name;

    friend bool operator==(const Account &a, const Account &b) { return a.id == b.id && a.name == b.name; }
    friend bool operator!=(const Account &a, const Account &b) { return !(a == b); }
};
