// ExportJob: a file written on a worker thread, the same bytes as the writers give, progress by
// chunk on the thread that made the job, and nothing left behind when it fails or is canceled.

#include "Files.h"
#include "demo/DemoTokenGenerator.h"
#include "export/ExportJob.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

// The error finished() gave, once it has (the job deletes itself then).
std::shared_ptr<std::optional<QString>> outcomeOf(ExportJob *job)
{
    auto outcome = std::make_shared<std::optional<QString>>();
    QObject::connect(job, &ExportJob::finished, job, [outcome](const QString &error) { *outcome = error; });
    return outcome;
}

} // namespace

class TestExportJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void writesTheWritersBytesWithProgress_data()
    {
        QTest::addColumn<TokenExport::Format>("format");
        QTest::addColumn<bool>("bom");
        QTest::newRow("csv") << TokenExport::Format::Csv << false;
        QTest::newRow("csv for excel") << TokenExport::Format::Csv << true;
        QTest::newRow("json") << TokenExport::Format::Json << false;
        QTest::newRow("ndjson") << TokenExport::Format::Ndjson << false;
    }
    void writesTheWritersBytesWithProgress()
    {
        QFETCH(TokenExport::Format, format);
        QFETCH(bool, bom);
        const QList<BuildToken> tokens = DemoTokenGenerator::generate(int(ExportJob::ChunkRows * 3 + 17));
        const QString path = m_dir.filePath(u"tokens."_s + TokenExport::fileSuffix(format));
        auto *job = new ExportJob(tokens, format, bom, path, this);
        QSignalSpy progress(job, &ExportJob::progress);
        const QThread *gui = QThread::currentThread();
        bool progressOnThisThread = true;
        connect(job, &ExportJob::progress, this, [&] { progressOnThisThread &= QThread::currentThread() == gui; });
        const auto outcome = outcomeOf(job);
        job->start();
        QTRY_VERIFY(outcome->has_value());
        QCOMPARE(**outcome, QString());
        QCOMPARE(readFile(path), TokenExport::write(format, tokens, bom));
        QCOMPARE(progress.size(), 4); // a chunk at a time
        QCOMPARE(progress.last().at(0).toLongLong(), tokens.size());
        QCOMPARE(progress.last().at(1).toLongLong(), tokens.size());
        QVERIFY(progressOnThisThread);
    }

    void canceledLeavesNothing()
    {
        const QString path = m_dir.filePath(u"canceled.csv"_s);
        auto *job = new ExportJob(DemoTokenGenerator::generate(100), TokenExport::Format::Csv, false, path, this);
        const auto outcome = outcomeOf(job);
        job->cancel(); // before its first chunk
        job->start();
        QTRY_VERIFY(outcome->has_value());
        QVERIFY2((*outcome)->contains(u"canceled"_s), qPrintable(**outcome));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files).filter(u"canceled"_s), QStringList()); // no temporary file either
    }

    void anUnwritablePathSaysWhyAndLeavesNothing()
    {
        QFile blocker(m_dir.filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = m_dir.filePath(u"blocker/tokens.csv"_s);
        auto *job = new ExportJob(DemoTokenGenerator::generate(10), TokenExport::Format::Csv, false, path, this);
        const auto outcome = outcomeOf(job);
        job->start();
        QTRY_VERIFY(outcome->has_value());
        QVERIFY2((*outcome)->startsWith(u"Cannot write "_s + path), qPrintable(**outcome));
        QVERIFY(!QFile::exists(path));
    }

    void destroyingARunningJobStopsItsWorker()
    {
        const QString path = m_dir.filePath(u"abandoned.csv"_s);
        const QList<BuildToken> tokens = DemoTokenGenerator::generate(int(ExportJob::ChunkRows * 20));
        auto *job = new ExportJob(tokens, TokenExport::Format::Csv, false, path, this);
        job->start();
        delete job; // as when the window closes mid-export: the worker stops within a chunk
        // Whether it got to the end first or not, what is there is never part of a file.
        QVERIFY(!QFile::exists(path) || readFile(path) == TokenExport::toCsv(tokens));
    }
};

QTEST_GUILESS_MAIN(TestExportJob)
#include "tst_exportjob.moc"
