package dev.poolscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version Maven wrote into the jar's manifest, and the git commit the build was made from (written by
 * the build into {@value #BUILD_INFO}; "unknown" outside a git checkout, "-dirty" with uncommitted changes).
 */
final class Version implements CommandLine.IVersionProvider {
    static final String BUILD_INFO = "/poolscope-build.properties";

    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"poolscope " + (v == null ? "development build" : v) + " (commit " + commit() + ")"};
    }

    static String commit() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(BUILD_INFO)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no build information: say so below
        }
        String commit = p.getProperty("commit", "").strip();
        return commit.isEmpty() ? "unknown" : commit;
    }
}
