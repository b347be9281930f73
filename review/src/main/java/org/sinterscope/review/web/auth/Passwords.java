package org.sinterscope.review.web.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing: PBKDF2 with HMAC-SHA256, a random 16-byte salt per password, 256-bit key.
 * Stored as {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}, so the work factor can grow
 * without invalidating old hashes. Checking compares in constant time.
 */
public final class Passwords {

    /** Iterations for new hashes (OWASP 2023 suggests 600 000 for SHA-256; this is what a login may cost here). */
    public static final int ITERATIONS = 210_000;
    private static final String PREFIX = "pbkdf2-sha256";

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    public Passwords() {
        this(ITERATIONS);
    }

    /** With another work factor (tests use fewer iterations to stay quick). */
    public Passwords(int iterations) {
        if (iterations < 1000) {
            throw new IllegalArgumentException("PBKDF2 needs >= 1000 iterations, got " + iterations);
        }
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] h = pbkdf2(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(h);
    }

    public boolean verify(char[] password, String stored) {
        String[] p = stored.split("\\$");
        if (p.length != 4 || !p[0].equals(PREFIX)) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(p[2]);
            byte[] expected = Base64.getDecoder().decode(p[3]);
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, Integer.parseInt(p[1])));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A random password of 20 characters from an alphabet without look-alikes (about 112 bits). */
    public String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK: " + e.getMessage(), e);
        }
    }
}
