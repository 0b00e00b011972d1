#include "CoreDumps.h"

#include <sys/resource.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

void disableCoreDumps()
{
    // A core size limit of 0 is what `ulimit -c 0` sets; a core_pattern that pipes to a
    // handler (systemd-coredump, apport) may ignore it, so on Linux the process is also made
    // non-dumpable, which no handler gets past. It also keeps other processes of the same
    // user from reading this one's memory through ptrace or /proc/PID/mem.
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
#if defined(__linux__)
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}
