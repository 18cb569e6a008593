package kotone.bench.load;

/** One service at one second of a phase. */
record ResourceSample(double second, String service, int threads, int openFiles, int connections,
                      int databaseConnections) {
}
