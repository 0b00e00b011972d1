#include "ExportFile.h"

#include "TokenExport.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

QString systemError()
{
    return qt_error_string(errno);
}

// A temporary's name: ".<target name>.<pid>-<random>.part".
const QString TemporarySuffix = QStringLiteral(".part");

} // namespace

ExportFile::ExportFile(const QString &path) : m_path(path), m_target(path) {}

QString ExportFile::open()
{
    const QFileInfo given(m_path);
    if (given.isSymLink()) {
        // In a sticky folder (/tmp) anyone may leave a link: only the person's own is followed.
        // QFileInfo follows links and knows no sticky bit, so the system is asked.
        struct stat link {};
        struct stat folder {};
        if (lstat(QFile::encodeName(given.absoluteFilePath()).constData(), &link) == 0
            && stat(QFile::encodeName(given.absolutePath()).constData(), &folder) == 0 && (folder.st_mode & S_ISVTX)
            && link.st_uid != geteuid())
            //: %1 is a file name
            return tr("%1 is a link another user made in a shared folder; choose the file itself.").arg(m_path);
        const QString target = given.symLinkTarget();
        if (target.isEmpty() || !QFileInfo::exists(target))
            //: %1 is a file name
            return tr("%1 is a link to a file that does not exist; choose the file itself.").arg(m_path);
        m_target = target;
    }
    const QFileInfo target(m_target);
    m_direct = target.exists() && !target.isFile();
    if (m_direct) {
        m_file.setFileName(m_target);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return TokenExport::cannotWrite(m_path, m_file.errorString());
        return {};
    }
    removeLeftovers();
    return openAtomic(target.exists());
}

QString ExportFile::openAtomic(bool replacing)
{
    const QFileInfo target(m_target);
    int fd = -1;
#ifdef O_TMPFILE
    fd = ::open(native(target.absolutePath()).constData(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    m_unnamed = fd >= 0;
#endif
    if (fd < 0) { // a file system without unnamed files (NFS, FAT), or not Linux
        m_temporary = temporaryName();
        fd = ::open(native(m_temporary).constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0) {
            const QString why = systemError();
            m_temporary.clear();
            return TokenExport::cannotWrite(m_path, why);
        }
    }
    struct stat existing {};
    if (replacing && ::stat(native(m_target).constData(), &existing) == 0)
        ::fchmod(fd, existing.st_mode & 07777); // the person's choice for this file stays
    if (!m_file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        dropTemporary();
        return TokenExport::cannotWrite(m_path, m_file.errorString());
    }
    return {};
}

QString ExportFile::temporaryName() const
{
    const QFileInfo target(m_target);
    return target.absoluteDir().filePath(u'.' + target.fileName() + u'.' + QString::number(::getpid()) + u'-'
                                         + QString::number(QRandomGenerator::global()->generate(), 36) + TemporarySuffix);
}

// What a killed run left: only its own user's, and only when the process that made it is
// gone (another export may be writing right now).
void ExportFile::removeLeftovers() const
{
    const QFileInfo target(m_target);
    const QString prefix = u'.' + target.fileName() + u'.';
    const QDir folder = target.absoluteDir();
    // Compared here, not as a name filter: the target's name may hold wildcard characters.
    const QStringList names = folder.entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        if (!name.startsWith(prefix) || !name.endsWith(TemporarySuffix))
            continue;
        bool isNumber = false;
        const qint64 pid = QStringView(name).mid(prefix.size()).split(u'-').first().toLongLong(&isNumber);
        struct stat file {};
        if (!isNumber || pid <= 0 || pid > std::numeric_limits<pid_t>::max()
            || ::lstat(native(folder.filePath(name)).constData(), &file) != 0 || !S_ISREG(file.st_mode)
            || file.st_uid != ::geteuid())
            continue;
        if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            QFile::remove(folder.filePath(name));
    }
}

void ExportFile::dropTemporary()
{
    if (!m_temporary.isEmpty())
        ::unlink(native(m_temporary).constData());
    m_temporary.clear();
}

QIODevice *ExportFile::device()
{
    return &m_file;
}

QString ExportFile::commit()
{
    const bool written = m_file.flush() && m_file.error() == QFileDevice::NoError;
    const QString why = m_file.errorString();
    if (m_direct) {
        m_file.close();
        return written ? QString() : TokenExport::cannotWrite(m_path, why);
    }
    if (!written) {
        cancel();
        return TokenExport::cannotWrite(m_path, why);
    }
    // On the disk before the name points at it: a crash then leaves the old file or the new.
    if (::fdatasync(m_file.handle()) != 0) {
        const QString notSynced = systemError();
        cancel();
        return TokenExport::cannotWrite(m_path, notSynced);
    }
#ifdef O_TMPFILE
    if (m_unnamed) {
        const QByteArray self = "/proc/self/fd/" + QByteArray::number(m_file.handle());
        // A new file: the name comes with the bytes, and there is no temporary name at all.
        if (::linkat(AT_FDCWD, self.constData(), AT_FDCWD, native(m_target).constData(), AT_SYMLINK_FOLLOW) == 0) {
            m_file.close();
            return {};
        }
        if (errno != EEXIST) {
            const QString unlinked = systemError();
            cancel();
            return TokenExport::cannotSave(m_path, unlinked);
        }
        m_temporary = temporaryName();
        if (::linkat(AT_FDCWD, self.constData(), AT_FDCWD, native(m_temporary).constData(), AT_SYMLINK_FOLLOW) != 0) {
            const QString unlinked = systemError();
            m_temporary.clear();
            cancel();
            return TokenExport::cannotSave(m_path, unlinked);
        }
    }
#endif
    m_file.close();
    if (::rename(native(m_temporary).constData(), native(m_target).constData()) != 0) {
        const QString notRenamed = systemError();
        dropTemporary();
        return TokenExport::cannotSave(m_path, notRenamed);
    }
    m_temporary.clear();
    return {};
}

void ExportFile::cancel()
{
    m_file.close();
    if (!m_direct)
        dropTemporary();
}
