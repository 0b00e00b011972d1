#pragma once

#include <QCoreApplication>
#include <QFile>
#include <QString>

// The file an export is written to, as File -> Export and `--output` mean it:
// - a regular file, new or existing, is replaced atomically (all or nothing); a new one is
//   made readable by its owner only (it lists an account's tokens), an existing one keeps its
//   permissions. The bytes go to a file with no name (O_TMPFILE), which a kill simply drops;
//   it gets a name only for the rename over an existing file, or for the whole write where
//   the file system has no unnamed files: ".<name>.<pid>-<random>.part" beside the target.
//   Such a name left by a run that was killed (its process is gone) is removed by the next
//   export to the same file;
// - anything else that exists, such as /dev/null, a FIFO or /dev/stdout, is written to
//   directly: replacing it would turn a device into a regular file (as root) or leave a
//   FIFO's reader with nothing;
// - a symbolic link is followed to what it names, which is then treated as above; a dangling
//   link, and a link in a sticky folder (such as /tmp) owned by someone else, are refused,
//   since they let another user choose which file gets replaced.
class ExportFile
{
    Q_DECLARE_TR_FUNCTIONS(ExportFile)

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
    QString openAtomic(bool replacing);
    QString temporaryName() const;
    void removeLeftovers() const;
    void dropTemporary();

    QString m_path;      // as the person gave it, for messages
    QString m_target;    // where the bytes go
    bool m_direct = false;
    bool m_unnamed = false; // the atomic file has no name yet (O_TMPFILE)
    QString m_temporary; // the atomic file's name while it has one
    QFile m_file;
};
