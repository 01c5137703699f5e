package org.crackdown.model;

/**
 * Transitional: {@link org.crackdown.format.CodeVersion} is the code version now (in the format
 * module, so analysis can name it too). This forwarder only keeps {@code TraffickingModel}, which
 * is being changed concurrently, compiling without an import; delete it when that file imports
 * {@code org.crackdown.format.CodeVersion}.
 */
final class CodeVersion {

    private CodeVersion() {
    }

    static String current() {
        return org.crackdown.format.CodeVersion.current();
    }
}
