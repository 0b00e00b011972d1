#pragma once

// The terminal seam of build-tokens (POSIX termios; the one place that touches the terminal).

#include <termios.h>

#include <csignal>

namespace Cli {

// While alive, standard input's terminal does not echo what is typed (a secret at a prompt).
// Echo comes back when it ends, and also when the process is interrupted meanwhile (Ctrl+C,
// Ctrl+\, a hang-up or kill's TERM): the handlers put the terminal back, then let the signal
// end the process as it would have. Only one at a time. Does nothing when standard input is
// not a terminal.
class SilentInput
{
public:
    SilentInput();
    ~SilentInput();
    SilentInput(const SilentInput &) = delete;
    SilentInput &operator=(const SilentInput &) = delete;

    bool isTerminal() const { return m_terminal; }

private:
    bool m_terminal = false;
};

} // namespace Cli
