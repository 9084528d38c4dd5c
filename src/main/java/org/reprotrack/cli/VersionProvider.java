package org.reprotrack.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (or "dev" when run from classes). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"reprotrack " + (v == null ? "dev" : v)};
    }
}
