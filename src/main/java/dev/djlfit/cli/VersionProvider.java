package dev.djlfit.cli;

import ai.djl.engine.Engine;
import picocli.CommandLine;

/** {@code --version}: this project's and DJL's. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String own = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "djl-fit " + (own == null ? "(development build)" : own),
            "DJL " + Engine.getDjlVersion()
        };
    }
}
