// What both programs do to keep a secret in memory from reaching the disk or the terminal
// after a crash or an interrupt, checked on the real binaries:
//  - a crash writes no core file (a forced crash of an unhardened process, under the same
//    limits, shows that this machine would write one);
//  - Ctrl+C at `profiles add`'s secret prompt leaves the terminal echoing again.

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// Started in `folder` with core files allowed at any size: what the program does itself
// is then all that stands between a crash and a core file there.
struct Crashable
{
    QProcess process;
    explicit Crashable(const QString &folder)
    {
        process.setWorkingDirectory(folder);
        process.setChildProcessModifier([] {
            const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
            setrlimit(RLIMIT_CORE, &unlimited);
        });
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process.setProcessEnvironment(env);
    }
    ~Crashable()
    {
        process.kill();
        process.waitForFinished();
    }
    // The core size limit the process runs with now, as /proc says.
    QByteArray coreLimit() const
    {
        QFile limits(u"/proc/%1/limits"_s.arg(process.processId()));
        if (!limits.open(QIODevice::ReadOnly))
            return {};
        for (const QByteArray &line : limits.readAll().split('\n')) {
            if (line.startsWith("Max core file size"))
                return line.simplified();
        }
        return {};
    }
    // SIGABRT, which no sanitizer catches: the kernel's default action writes a core.
    bool abortAndWait()
    {
        ::kill(pid_t(process.processId()), SIGABRT);
        return process.waitForFinished(30000) && process.exitStatus() == QProcess::CrashExit;
    }
};

bool holdsCoreFile(const QString &folder)
{
    return !QDir(folder).entryList({u"core*"_s}, QDir::Files).isEmpty();
}

} // namespace

class TestProcessHardening : public QObject
{
    Q_OBJECT

private:
    // Whether a crash here writes a core file into the crashing process's folder: not where
    // the kernel pipes cores to a handler or the limits forbid raising the size.
    static bool machineWritesCores()
    {
        QTemporaryDir folder;
        Crashable control(folder.path());
        control.process.start(u"sleep"_s, {u"60"_s});
        return control.process.waitForStarted() && control.abortAndWait() && holdsCoreFile(folder.path());
    }

    void checkNoCoreFile(const QString &program, const QStringList &arguments)
    {
        if (!machineWritesCores())
            QSKIP("A crash writes no core file into its folder on this machine (see /proc/sys/kernel/core_pattern)");
        QTemporaryDir folder;
        Crashable crashable(folder.path());
        crashable.process.start(program, arguments);
        QVERIFY(crashable.process.waitForStarted());
        // Once main() has run its first line, the limit it set shows.
        QTRY_VERIFY_WITH_TIMEOUT(crashable.coreLimit().endsWith("0 0 bytes"), 30000);
        QVERIFY(crashable.abortAndWait());
        QVERIFY2(!holdsCoreFile(folder.path()), qPrintable(QDir(folder.path()).entryList(QDir::Files).join(u' ')));
    }

private slots:
    void cliWritesNoCoreFile()
    {
        // `profiles add` waits for the secret on standard input, which stays open.
        checkNoCoreFile(QStringLiteral(BTB_CLI_PATH), {u"profiles"_s, u"add"_s, u"crash"_s});
    }

    void guiWritesNoCoreFile()
    {
        checkNoCoreFile(QStringLiteral(BTB_GUI_PATH), {u"--demo"_s, u"--demo-tokens"_s, u"10"_s});
    }

    void interruptAtSecretPromptRestoresEcho()
    {
        // Opened with O_NOCTTY (openpty does not use it): were this process a session leader
        // without a terminal, as a test runner may start it, the terminal would become its
        // own and could not be the child's.
        const int master = posix_openpt(O_RDWR | O_NOCTTY);
        QVERIFY(master >= 0);
        QVERIFY(grantpt(master) == 0 && unlockpt(master) == 0);
        const QByteArray slaveName(ptsname(master));
        const int slave = open(slaveName.constData(), O_RDWR | O_NOCTTY);
        QVERIFY(slave >= 0);
        termios before{};
        QVERIFY(tcgetattr(slave, &before) == 0);
        QVERIFY(before.c_lflag & ECHO);
        QTemporaryDir home;
        const QByteArray settings = QDir(home.path()).filePath(u"p.ini"_s).toLocal8Bit();
        const QByteArray cli = QByteArrayLiteral(BTB_CLI_PATH);
        const pid_t child = fork();
        if (child == 0) {
            // A session of its own with the terminal as its controlling one, and no signal
            // blocked (this process may block some), as a shell runs it.
            sigset_t none;
            sigemptyset(&none);
            sigprocmask(SIG_SETMASK, &none, nullptr);
            setsid();
            ioctl(slave, TIOCSCTTY, 0);
            dup2(slave, STDIN_FILENO);
            dup2(slave, STDOUT_FILENO);
            dup2(slave, STDERR_FILENO);
            close(master);
            execl(cli.constData(), cli.constData(), "profiles", "add", "interrupted", "--settings", settings.constData(),
                  static_cast<char *>(nullptr));
            _exit(127);
        }
        QVERIFY(child > 0);
        // The slave stays open here too, so its settings can be read after the child is gone.
        QByteArray shown;
        fcntl(master, F_SETFL, O_NONBLOCK);
        // qWaitFor, not QTRY_VERIFY: that evaluates its condition once more at the end.
        QVERIFY(QTest::qWaitFor(
            [&] {
                char buffer[256];
                const ssize_t got = read(master, buffer, sizeof buffer);
                if (got > 0)
                    shown.append(buffer, got);
                return shown.contains("API token for");
            },
            30000));
        termios prompting{};
        QVERIFY(tcgetattr(slave, &prompting) == 0);
        QVERIFY2(!(prompting.c_lflag & ECHO), "the secret would be echoed");

        QVERIFY(write(master, "\x03", 1) == 1); // Ctrl+C: the terminal sends SIGINT
        int status = 0;
        QVERIFY(QTest::qWaitFor([&] { return waitpid(child, &status, WNOHANG) == child; }, 30000));
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGINT);
        termios after{};
        QVERIFY(tcgetattr(slave, &after) == 0);
        QVERIFY2(after.c_lflag & ECHO, "the terminal was left without echo");
        close(master);
        close(slave);
    }
};

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "tst_processhardening.moc"
