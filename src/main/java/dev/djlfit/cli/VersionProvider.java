package dev.djlfit.cli;

import ai.djl.engine.Engine;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code --version} of every command: this project's (the pom's, through a filtered resource) and DJL's. */
final class VersionProvider implements CommandLine.IVersionProvider {

    static final String RESOURCE = "/djl-fit-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"djl-fit " + own(), "DJL " + Engine.getDjlVersion()};
    }

    /** The pom's version, as Maven wrote it into the resource when it built the classes. */
    static String own() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String version = p.getProperty("version", "");
                if (!version.isBlank() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        String fromJar = VersionProvider.class.getPackage().getImplementationVersion();
        return fromJar != null ? fromJar : "(version unknown: built without Maven's resources)";
    }
}
