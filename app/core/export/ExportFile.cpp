#include "ExportFile.h"

#include "TokenExport.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportFile", text);
}

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
        m_plain.setFileName(m_target);
        if (!m_plain.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return TokenExport::cannotWrite(m_path, m_plain.errorString());
        return {};
    }
    m_atomic.setFileName(m_target);
    if (!m_atomic.open(QIODevice::WriteOnly))
        return TokenExport::cannotWrite(m_path, m_atomic.errorString());
    if (!target.exists())
        m_atomic.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

QIODevice *ExportFile::device()
{
    return m_direct ? static_cast<QIODevice *>(&m_plain) : &m_atomic;
}

QString ExportFile::commit()
{
    if (m_direct) {
        const bool ok = m_plain.error() == QFileDevice::NoError;
        const QString why = m_plain.errorString();
        m_plain.close();
        return ok ? QString() : TokenExport::cannotWrite(m_path, why);
    }
    if (m_atomic.error() != QFileDevice::NoError) {
        const QString why = m_atomic.errorString();
        m_atomic.cancelWriting();
        return TokenExport::cannotWrite(m_path, why);
    }
    if (!m_atomic.commit())
        return TokenExport::cannotSave(m_path, m_atomic.errorString());
    return {};
}

void ExportFile::cancel()
{
    if (m_direct)
        m_plain.close();
    else
        m_atomic.cancelWriting();
}
