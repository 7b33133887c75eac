#pragma once
// The process's peak resident set size (VmHWM of /proc/self/status), for the benchmarks'
// memory figures.

#include <QtGlobal>

namespace gamix::bench {

// Kibibytes, or -1 where /proc is not available.
qint64 peakRssKb();

} // namespace gamix::bench
