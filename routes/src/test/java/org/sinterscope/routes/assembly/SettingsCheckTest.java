package org.sinterscope.routes.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsCheckTest {

    @TempDir
    Path dir;
    Path frames;
    final StationParts parts = new StationParts();

    @BeforeEach
    void folder() throws IOException {
        frames = Files.createDirectories(dir.resolve("frames"));
    }

    private List<SettingsCheck.Problem> check(String... lines) throws IOException {
        Path f = dir.resolve("station.properties");
        Files.writeString(f, "sinterscope.camera.coat-cam-1.folder = " + frames + "\n" + String.join("\n", lines) + "\n");
        return SettingsCheck.check(f, Map.of(), parts.cameraTypes(), parts.encoderTypes());
    }

    @Test
    void a_valid_file_has_no_problems() throws IOException {
        assertEquals(List.of(), check("sinterscope.station.id = line-3", "sinterscope.camera.coat-cam-1.pixel-um = 25"));
    }

    @Test
    void unknown_key_is_named_with_its_file_and_a_suggestion() throws IOException {
        List<SettingsCheck.Problem> p = check("sinterscope.station.idd = line-3");
        assertEquals(1, p.size(), p.toString());
        assertEquals("sinterscope.station.idd", p.get(0).key());
        assertEquals(dir.resolve("station.properties").toString(), p.get(0).file());
        assertTrue(p.get(0).message().contains("did you mean 'sinterscope.station.id'"), p.get(0).message());
    }

    @Test
    void bad_number_and_bad_boolean_are_named() throws IOException {
        List<SettingsCheck.Problem> p = check("sinterscope.actuator.distance-mm = two metres", "sinterscope.camera.watch = sometimes");
        assertEquals(List.of("sinterscope.actuator.distance-mm", "sinterscope.camera.watch"),
                p.stream().map(SettingsCheck.Problem::key).sorted().toList(), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.message().equals("must be a number, got 'two metres'")), p.toString());
    }

    @Test
    void missing_folder_and_missing_recipe_are_named() throws IOException {
        Path f = dir.resolve("station.properties");
        Files.writeString(f, "sinterscope.camera.coat-cam-1.folder = " + dir.resolve("nowhere") + "\nsinterscope.recipe = "
                + dir.resolve("recipe.json") + "\n");
        List<SettingsCheck.Problem> p = SettingsCheck.check(f, Map.of(), parts.cameraTypes(), parts.encoderTypes());
        assertEquals(List.of("sinterscope.camera.coat-cam-1.folder", "sinterscope.recipe"),
                p.stream().map(SettingsCheck.Problem::key).sorted().toList(), p.toString());
        assertTrue(p.get(0).message().contains("does not exist"), p.toString());
    }

    @Test
    void missing_settings_file_is_a_problem() {
        List<SettingsCheck.Problem> p = SettingsCheck.check(dir.resolve("absent.properties"), Map.of(), parts.cameraTypes(),
                parts.encoderTypes());
        assertEquals(1, p.size());
        assertTrue(p.get(0).toString().contains("absent.properties") && p.get(0).message().contains("does not exist"), p.toString());
    }

    @Test
    void actuator_without_a_link_is_named() throws IOException {
        List<SettingsCheck.Problem> p = check("sinterscope.actuators = marker-1,cutter-1", "sinterscope.actuator.link =",
                "sinterscope.actuator.marker-1.link = mqtt");
        assertEquals(1, p.size(), p.toString());
        assertEquals("sinterscope.actuator.cutter-1.link", p.get(0).key());
        assertTrue(p.get(0).message().contains("has no link"), p.toString());
    }

    @Test
    void keys_of_unlisted_cameras_and_unknown_camera_types_are_refused() throws IOException {
        List<SettingsCheck.Problem> p = check("sinterscope.camera.sinter-cam-9.type = folder");
        assertEquals(List.of("sinterscope.camera.sinter-cam-9.type"), p.stream().map(SettingsCheck.Problem::key).toList(), p.toString());
        assertTrue(p.get(0).message().contains("not listed in sinterscope.cameras"), p.toString());
        p = check("sinterscope.camera.coat-cam-1.type = usb");
        assertEquals(List.of("sinterscope.camera.coat-cam-1.type"), p.stream().map(SettingsCheck.Problem::key).toList(), p.toString());
        assertTrue(p.get(0).message().contains("unknown camera type 'usb'"), p.toString());
    }

    @Test
    void a_gige_camera_needs_a_device_and_its_keys_are_checked() throws IOException {
        List<SettingsCheck.Problem> p = check("sinterscope.camera.coat-cam-1.type = gige");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().contains("device"), p.toString());
        assertEquals(List.of(), check("sinterscope.camera.coat-cam-1.type = gige", "sinterscope.camera.coat-cam-1.device = 192.168.10.10",
                "sinterscope.camera.coat-cam-1.height = 512", "sinterscope.camera.coat-cam-1.feature.ExposureAuto = Off"));
        p = check("sinterscope.camera.coat-cam-1.type = gige", "sinterscope.camera.coat-cam-1.device = cam",
                "sinterscope.camera.coat-cam-1.height = many");
        assertTrue(p.toString().contains("'height' must be an integer, got 'many'"), p.toString());
        p = check("sinterscope.camera.coat-cam-1.device = cam");
        assertEquals("sinterscope.camera.coat-cam-1.device", p.get(0).key(), "a folder camera has no device key");
    }
}
