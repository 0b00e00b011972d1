#include "SilentInput.h"

#include <unistd.h>

#include <iterator>

namespace Cli {

namespace {

// What the handler needs, as plain globals: a signal handler may touch nothing else.
termios savedTerminal{};
constexpr int EndingSignals[] = {SIGINT, SIGQUIT, SIGHUP, SIGTERM};
struct sigaction previousActions[std::size(EndingSignals)]{};

// tcsetattr, sigaction and raise are async-signal-safe (POSIX.1-2008).
void restoreAndEnd(int signal)
{
    tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal);
    struct sigaction defaults{};
    defaults.sa_handler = SIG_DFL;
    sigemptyset(&defaults.sa_mask);
    sigaction(signal, &defaults, nullptr);
    raise(signal); // delivered once this handler returns: the process ends as the signal says
}

} // namespace

SilentInput::SilentInput()
{
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &savedTerminal) != 0)
        return;
    m_terminal = true;
    struct sigaction restore{};
    restore.sa_handler = restoreAndEnd;
    sigemptyset(&restore.sa_mask);
    for (size_t i = 0; i < std::size(EndingSignals); ++i)
        sigaction(EndingSignals[i], &restore, &previousActions[i]);
    termios silent = savedTerminal;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
}

SilentInput::~SilentInput()
{
    if (!m_terminal)
        return;
    tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal);
    for (size_t i = 0; i < std::size(EndingSignals); ++i)
        sigaction(EndingSignals[i], &previousActions[i], nullptr);
}

} // namespace Cli
