package org.reprotrack.check.signals;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a file is, from its path alone: code, repository furniture (README, licence, images, docs),
 * or model weights. Shared by the checklist and the placeholder rules so both agree on "code".
 */
final class FileKinds {
    private FileKinds() {
    }

    /** Source code and notebooks. Build scripts (Makefile, Dockerfile) and configs are not code. */
    static final Set<String> CODE_EXTENSIONS = Set.of(
            "py", "pyx", "ipynb", "r", "rmd", "jl", "m", "mlx", "c", "h", "cc", "cpp", "cxx", "hpp", "hh", "cu", "cuh",
            "java", "kt", "kts", "scala", "go", "rs", "rb", "php", "js", "mjs", "ts", "jsx", "tsx", "swift", "cs", "fs",
            "lua", "pl", "sh", "bash", "zsh", "ps1", "bat", "f", "f90", "f95", "for", "hs", "ml", "mli", "clj", "ex",
            "exs", "erl", "dart", "vue", "v", "sv", "vhd", "sql", "wl", "nb", "sas", "do", "stan");

    /** Images, media, slides and documents: what a project page or a placeholder shows. */
    private static final Set<String> FURNITURE_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff", "ico", "eps", "pdf", "mp4", "mov", "webm",
            "avi", "mkv", "ppt", "pptx", "key", "md", "markdown", "rst", "txt", "adoc", "org", "bib", "tex", "docx");

    /** README, licence, citation and community files, whatever their extension. */
    private static final Pattern FURNITURE_NAME = Pattern.compile(
            "^(readme|license|licence|copying|citation|notice|authors|contributors|contributing|code_of_conduct"
                    + "|changelog|changes|security|funding)([.\\-_].*)?$");

    private static final Set<String> GIT_FILES = Set.of(".gitignore", ".gitattributes", ".gitmodules", ".editorconfig",
            ".gitkeep", ".keep", ".nojekyll", "_config.yml", ".ds_store");

    /** Serialized weights. {@code .bin} only with a model-ish name: it is also any binary blob. */
    private static final Set<String> WEIGHT_EXTENSIONS = Set.of(
            "pth", "pt", "ckpt", "h5", "hdf5", "safetensors", "onnx", "pdparams", "caffemodel", "tflite", "mlmodel");
    private static final Pattern WEIGHT_BIN = Pattern.compile("^(pytorch_model|model|weights?|.*checkpoint.*|.*ckpt.*)[^/]*\\.bin$");

    static boolean code(TreeFile f) {
        return CODE_EXTENSIONS.contains(f.extension()) && !f.lowerPath().startsWith(".github/");
    }

    /**
     * Files that a repository without code typically holds: README, licence, citation, git
     * metadata, CI settings, images, documents, and anything under {@code docs/}, {@code assets/},
     * {@code images/} or {@code figures/}... unless it is code.
     */
    static boolean furniture(TreeFile f) {
        if (code(f)) {
            return false;
        }
        String path = f.lowerPath();
        String name = f.lowerName();
        return FURNITURE_NAME.matcher(name).matches()
                || GIT_FILES.contains(name)
                || path.startsWith(".github/")
                || FURNITURE_EXTENSIONS.contains(f.extension())
                || path.matches("^(docs?|assets|images?|imgs?|figures?|figs|media|static|pics?|resources)/.*");
    }

    static boolean weights(TreeFile f) {
        return WEIGHT_EXTENSIONS.contains(f.extension()) || WEIGHT_BIN.matcher(f.lowerName()).matches();
    }

    /** A directory segment of the path (not the file name) equals one of {@code names}. */
    static boolean under(TreeFile f, Set<String> names) {
        String[] parts = f.lowerPath().split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (names.contains(parts[i])) {
                return true;
            }
        }
        return false;
    }
}
