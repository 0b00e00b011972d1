#pragma once

#include <QFile>
#include <QSaveFile>
#include <QString>

// The file an export is written to, as File -> Export and `--output` mean it:
// - a regular file, new or existing, is replaced atomically (QSaveFile: all or nothing); a
//   new one is made readable by its owner only (it lists an account's tokens), an existing one
//   keeps its permissions;
// - anything else that exists, such as /dev/null, a FIFO or /dev/stdout, is written to
//   directly: replacing it would turn a device into a regular file (as root) or leave a
//   FIFO's reader with nothing;
// - a symbolic link is followed to what it names, which is then treated as above; a dangling
//   link, and a link in a sticky folder (such as /tmp) owned by someone else, are refused,
//   since they let another user choose which file gets replaced.
class ExportFile
{
public:
    explicit ExportFile(const QString &path);

    // Empty when the file is open for writing, else why not, in words for a person.
    QString open();
    QIODevice *device();
    // Empty when everything written is in place (for a device: taken, e.g. not ENOSPC), else
    // why not; after a failure nothing new is left at a regular file's path.
    QString commit();
    // Gives up: a regular file's path is left as it was.
    void cancel();

private:
    QString m_path;   // as the person gave it, for messages
    QString m_target; // where the bytes go
    bool m_direct = false;
    QSaveFile m_atomic;
    QFile m_plain;
};
