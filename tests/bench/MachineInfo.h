#pragma once

#include <QString>

// What a benchmark ran on, for its printout: "2 cores (nproc), <CPU model>; Qt 6.4.2". A
// timing means little without it.
QString machineInfo();
