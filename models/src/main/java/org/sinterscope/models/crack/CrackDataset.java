package org.sinterscope.models.crack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A crack data set laid out as two folders, images and masks, paired by file stem
 * ({@code 11111.jpg} ↔ {@code 11111.png}). Image files: JPEG, PNG, BMP, TIFF.
 *
 * @param items the image/mask pairs sorted by stem; the mask is null when none has the stem
 */
public record CrackDataset(List<Item> items) {

    private static final List<String> EXTENSIONS = List.of("jpg", "jpeg", "png", "bmp", "tif", "tiff");

    public CrackDataset {
        items = List.copyOf(items);
    }

    /** One image and its mask (null when missing). */
    public record Item(String stem, Path image, Path mask) {
    }

    /** Which part of a seeded split to use. */
    public enum Part {
        /** every image */
        ALL,
        /** the images left after the held-out part: for tuning */
        TUNE,
        /** the held-out part: for reporting, never for tuning */
        HELDOUT
    }

    /**
     * Pairs the images of {@code imagesDir} with the masks of {@code masksDir} by stem.
     *
     * @throws IOException when a folder cannot be listed
     */
    public static CrackDataset scan(Path imagesDir, Path masksDir) throws IOException {
        if (!Files.isDirectory(imagesDir)) {
            throw new IOException("image folder " + imagesDir + " does not exist or is not a folder");
        }
        if (!Files.isDirectory(masksDir)) {
            throw new IOException("mask folder " + masksDir + " does not exist or is not a folder");
        }
        Map<String, Path> masks = new HashMap<>();
        for (Path p : list(masksDir)) {
            masks.putIfAbsent(stem(p), p);
        }
        List<Item> items = new ArrayList<>();
        for (Path p : list(imagesDir)) {
            items.add(new Item(stem(p), p, masks.get(stem(p))));
        }
        items.sort(Comparator.comparing(Item::stem));
        return new CrackDataset(items);
    }

    /**
     * A seeded split: the items are shuffled with {@code new Random(seed)} and the first
     * {@code heldOut} form the held-out part, the rest the tuning part. The same seed and list
     * give the same split.
     */
    public CrackDataset part(Part part, long seed, int heldOut) {
        if (part == Part.ALL) {
            return this;
        }
        if (heldOut < 0 || heldOut > items.size()) {
            throw new IllegalArgumentException("held-out count must be 0.." + items.size() + ", got " + heldOut);
        }
        List<Item> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(seed));
        List<Item> chosen = part == Part.HELDOUT ? shuffled.subList(0, heldOut) : shuffled.subList(heldOut, shuffled.size());
        List<Item> out = new ArrayList<>(chosen);
        out.sort(Comparator.comparing(Item::stem));
        return new CrackDataset(out);
    }

    /** The first {@code n} items (all when {@code n} is larger). */
    public CrackDataset limit(int n) {
        return new CrackDataset(items.subList(0, Math.min(n, items.size())));
    }

    public int size() {
        return items.size();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> EXTENSIONS.contains(extension(p))).sorted().toList();
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }
}
