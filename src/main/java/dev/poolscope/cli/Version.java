package dev.poolscope.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"poolscope " + (v == null ? "development build" : v)};
    }
}
