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

    /** Languages of a web page: under a project-page folder they are the page's scaffolding. */
    private static final Set<String> WEB_EXTENSIONS = Set.of("js", "mjs", "ts", "jsx", "tsx", "vue", "php");
    private static final Set<String> PAGE_DIRS = Set.of("docs", "doc", "website", "site", "_site", "page", "pages",
            "project_page", "project-page", "projectpage", "webpage", "web", "static", "assets", "css", "js");

    static boolean code(TreeFile f) {
        return CODE_EXTENSIONS.contains(f.extension()) && !f.lowerPath().startsWith(".github/") && !pageScript(f);
    }

    /**
     * JavaScript (and the like) under a project-page folder ({@code docs/js/index.js}): the web page
     * that presents the paper, not the paper's code. A placeholder often carries such a page.
     */
    static boolean pageScript(TreeFile f) {
        return WEB_EXTENSIONS.contains(f.extension()) && under(f, PAGE_DIRS);
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

    /** Formats that hold nothing but trained weights. */
    private static final Set<String> PURE_WEIGHT_EXTENSIONS = Set.of(
            "ckpt", "safetensors", "onnx", "pdparams", "caffemodel", "tflite", "mlmodel", "engine", "gguf");
    /**
     * Formats that hold weights or anything else ({@code torch.save} of a data split, an HDF5 data
     * shard, a pickled dict): weights only when the path speaks of a model.
     */
    private static final Set<String> AMBIGUOUS_WEIGHT_EXTENSIONS = Set.of(
            "pth", "pt", "h5", "hdf5", "bin", "pkl", "pickle", "npz", "tar", "params", "weights", "model");
    private static final Pattern MODEL_HINT = Pattern.compile(
            "model|weight|checkpoint|ckpt|pretrain|snapshot|trained|encoder|decoder|classifier|generator|discriminator");
    /** Folders that hold data: a tensor file there is a data split, not weights. */
    private static final Set<String> DATA_DIRS = Set.of("data", "dataset", "datasets", "dat", "raw", "processed",
            "samples", "examples", "example", "demo_data", "test_data", "testdata", "fixtures");
    /** Folders that hold nothing but trained models, whatever the file format. */
    private static final Set<String> WEIGHT_DIRS = Set.of("checkpoints", "checkpoint", "weights", "ckpt", "ckpts",
            "pretrained", "pretrained_models", "pretrained_weights", "saved_models", "trained_models", "model_zoo",
            "model_released", "released_models");
    /** TensorFlow checkpoint shards: {@code model.ckpt.data-00000-of-00001} with its {@code .index}. */
    private static final Pattern TF_CHECKPOINT = Pattern.compile("^.+\\.data-\\d{5}-of-\\d{5}$");

    /**
     * Trained weights in the tree: a weights-only format, a TensorFlow checkpoint, anything in a
     * folder kept for trained models, or a general tensor/pickle format whose path speaks of a
     * model; never a file under a data folder (a training-data shard saved as {@code .pt} or
     * {@code .hdf5} is data).
     */
    static boolean weights(TreeFile f) {
        if (under(f, DATA_DIRS) || furnitureName(f)) {
            return false;
        }
        String name = f.lowerName();
        String ext = f.extension();
        if (name.endsWith(".pth.tar")) {
            ext = "pth";
        }
        if (PURE_WEIGHT_EXTENSIONS.contains(ext) || TF_CHECKPOINT.matcher(name).matches()) {
            return true;
        }
        if (under(f, WEIGHT_DIRS) && !code(f) && !FURNITURE_EXTENSIONS.contains(ext) && !name.startsWith(".")) {
            return true;
        }
        return AMBIGUOUS_WEIGHT_EXTENSIONS.contains(ext) && !ext.equals("tar")
                && (MODEL_HINT.matcher(f.lowerPath()).find() || WEIGHT_BIN.matcher(name).matches());
    }

    private static boolean furnitureName(TreeFile f) {
        return FURNITURE_NAME.matcher(f.lowerName()).matches() || GIT_FILES.contains(f.lowerName());
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
