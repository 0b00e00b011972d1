#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

// What `path` holds, or nothing when it cannot be read.
inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The permission bits that let anyone but the owner in: none of them for a file that lists an
// account's tokens.
constexpr QFileDevice::Permissions GroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                                  | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
