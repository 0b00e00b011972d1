#pragma once

// Secrets live in process memory (a profile's token, the credentials of a listing): a core
// file would write them to disk, against the first rule. Both programs call this first thing
// in main(). The one place with the platform's calls for it (Linux: prctl; other POSIX
// systems: the core size limit alone).
void disableCoreDumps();
