// Where an export goes (ExportFile, through TokenExport::saveToFile): regular files replaced
// atomically and created for their owner only, devices and FIFOs written as they are, links
// followed only when that cannot let another user pick the file. CI runs as root, where
// replacing /dev/null with a regular file was possible.

#include "Files.h"
#include "export/ExportFile.h"
#include "export/TokenExport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class TestExportFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool unnamedFilesWork() const
    {
#ifdef O_TMPFILE
        const int fd = ::open(QFile::encodeName(m_dir.path()).constData(), O_TMPFILE | O_WRONLY, 0600);
        if (fd >= 0)
            ::close(fd);
        return fd >= 0;
#else
        return false;
#endif
    }

private slots:
    void aNewFileIsForItsOwnerOnly()
    {
        const QString file = path(u"new.csv"_s);
        QCOMPARE(TokenExport::saveToFile(file, "rows"), QString());
        QCOMPARE(readFile(file), QByteArray("rows"));
        QCOMPARE(QFile::permissions(file) & GroupOrOther, QFileDevice::Permissions());
    }

    // A kill before the commit must leave nothing: the bytes go to a file without a name
    // where the file system has them, else to one the next run knows as its own.
    void aFileBeingWrittenHasNoNameBesideTheTarget()
    {
        const QTemporaryDir folder; // of its own: only what this test makes is listed
        const QString file = folder.filePath(u"replaced.csv"_s);
        QVERIFY(TokenExport::saveToFile(file, "old").isEmpty());
        ExportFile exportFile(file);
        QCOMPARE(exportFile.open(), QString());
        QCOMPARE(exportFile.device()->write("new"), 3);
        const QStringList names = QDir(folder.path()).entryList(QDir::Files | QDir::Hidden);
        if (unnamedFilesWork()) {
            QCOMPARE(names, QStringList{u"replaced.csv"_s});
        } else {
            QCOMPARE(names.size(), 2);
            QVERIFY2(names.first().startsWith(u".replaced.csv.%1-"_s.arg(getpid())) && names.first().endsWith(u".part"_s),
                     qPrintable(names.first()));
        }
        QCOMPARE(readFile(file), QByteArray("old"));
        QCOMPARE(exportFile.commit(), QString());
        QCOMPARE(readFile(file), QByteArray("new"));
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"replaced.csv"_s});
    }

    // Killed between naming its file and the rename, a run leaves ".<name>.<pid>-<random>.part":
    // the next export to that file removes it once that process is gone, and nothing else.
    void aKilledRunsTemporaryIsRemovedByTheNext()
    {
        QProcess gone;
        gone.start(u"true"_s, {});
        QVERIFY(gone.waitForStarted());
        const qint64 deadPid = gone.processId();
        QVERIFY(gone.waitForFinished());
        const QStringList leftovers{u".out.csv.%1-k1ll3d.part"_s.arg(deadPid)};
        const QStringList kept{u".out.csv.%1-wr1t1ng.part"_s.arg(getpid()), u".out.csv.backup-1.part"_s, u"out.csv.backup"_s,
                               u".other.csv.%1-k1ll3d.part"_s.arg(deadPid)};
        for (const QString &name : leftovers + kept)
            QVERIFY(TokenExport::saveToFile(path(name), "partial").isEmpty());

        QCOMPARE(TokenExport::saveToFile(path(u"out.csv"_s), "rows"), QString());
        for (const QString &name : leftovers)
            QVERIFY2(!QFile::exists(path(name)), qPrintable(name));
        for (const QString &name : kept)
            QVERIFY2(QFile::exists(path(name)), qPrintable(name));
    }

    void anExistingFileKeepsItsPermissions()
    {
        const QString file = path(u"shared.csv"_s);
        QVERIFY(TokenExport::saveToFile(file, "old").isEmpty());
        const auto shared = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup;
        QVERIFY(QFile::setPermissions(file, shared));
        QCOMPARE(TokenExport::saveToFile(file, "new"), QString());
        QCOMPARE(readFile(file), QByteArray("new"));
        QCOMPARE(QFile::permissions(file) & (GroupOrOther | QFileDevice::ReadOwner | QFileDevice::WriteOwner), shared);
    }

    // As root, the twins of /dev/null and /dev/full in a folder of the test's own: were the
    // rule to break, the machine's own devices would not be the ones replaced. Elsewhere the
    // real ones, which an ordinary user cannot replace anyway.
    QString device(const char *name, unsigned minor)
    {
        if (geteuid() != 0)
            return u"/dev/"_s + QLatin1String(name);
        const QString twin = path(QLatin1String(name));
        if (mknod(QFile::encodeName(twin).constData(), S_IFCHR | 0666, makedev(1, minor)) != 0)
            qFatal("mknod failed");
        return twin;
    }

    void aDeviceIsWrittenNotReplaced()
    {
        const QString null = device("null", 3);
        QCOMPARE(TokenExport::saveToFile(null, "rows"), QString());
        QVERIFY(!QFileInfo(null).isFile()); // still the device
        const QString full = device("full", 7);
        const QString error = TokenExport::saveToFile(full, QByteArray(100000, 'x'));
        QVERIFY2(error.contains(full), qPrintable(error)); // ENOSPC is an error, not a success
        QVERIFY(!QFileInfo(full).isFile());
    }

    void aFifosReaderGetsTheBytes()
    {
        const QString fifo = path(u"pipe"_s);
        QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QProcess reader;
        reader.start(u"cat"_s, {fifo});
        QVERIFY(reader.waitForStarted());
        QCOMPARE(TokenExport::saveToFile(fifo, "through the pipe"), QString());
        QVERIFY(reader.waitForFinished(10000));
        QCOMPARE(reader.readAllStandardOutput(), QByteArray("through the pipe"));
        QVERIFY(!QFileInfo(fifo).isFile()); // still a FIFO
    }

    void aLinkIsFollowedToItsFile()
    {
        const QString file = path(u"real.csv"_s);
        const QString link = path(u"link.csv"_s);
        QVERIFY(TokenExport::saveToFile(file, "old").isEmpty());
        QVERIFY(QFile::link(file, link));
        QCOMPARE(TokenExport::saveToFile(link, "new"), QString());
        QVERIFY(QFileInfo(link).isSymLink()); // the link stays a link...
        QCOMPARE(readFile(file), QByteArray("new")); // ...and its file has the rows
    }

    void aDanglingLinkIsRefused()
    {
        const QString link = path(u"dangling.csv"_s);
        QVERIFY(QFile::link(path(u"nowhere/else.csv"_s), link));
        const QString error = TokenExport::saveToFile(link, "rows");
        QVERIFY2(error.contains(u"does not exist"_s), qPrintable(error));
        QVERIFY(!QFileInfo::exists(path(u"nowhere"_s)));
    }

    void anotherUsersLinkInAStickyFolderIsRefused()
    {
        if (geteuid() != 0)
            QSKIP("Making a link owned by another user needs root (CI runs as root).");
        const QString sticky = path(u"tmp"_s);
        QVERIFY(QDir().mkdir(sticky));
        QCOMPARE(chmod(QFile::encodeName(sticky).constData(), 01777), 0);
        const QString victim = path(u"victim.csv"_s);
        QVERIFY(TokenExport::saveToFile(victim, "precious").isEmpty());
        const QString link = sticky + u"/tokens.csv"_s;
        QVERIFY(QFile::link(victim, link));
        QCOMPARE(lchown(QFile::encodeName(link).constData(), 65534, 65534), 0); // nobody's link
        const QString error = TokenExport::saveToFile(link, "rows");
        QVERIFY2(error.contains(u"another user"_s), qPrintable(error));
        QCOMPARE(readFile(victim), QByteArray("precious"));
        // The same link made by the person is followed.
        QCOMPARE(lchown(QFile::encodeName(link).constData(), 0, 0), 0);
        QCOMPARE(TokenExport::saveToFile(link, "rows"), QString());
        QCOMPARE(readFile(victim), QByteArray("rows"));
    }
};

QTEST_GUILESS_MAIN(TestExportFile)
#include "tst_exportfile.moc"
