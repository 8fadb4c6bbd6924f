"""Write tone.wav, the small WAV file that read-wav.mjs decodes.

A 440 Hz sine, 16-bit mono PCM at 8 kHz, 50 ms long (about 800 bytes), made
with Python's own `wave` module so the header is written by an independent
implementation. Run: python3 make-tone.py  (writes tone.wav beside this file)
"""
import math
import os
import struct
import wave

RATE = 8000
SECONDS = 0.05
FREQ = 440.0

here = os.path.dirname(os.path.abspath(__file__))
frames = b"".join(
    struct.pack("<h", round(12000 * math.sin(2 * math.pi * FREQ * n / RATE)))
    for n in range(int(RATE * SECONDS))
)
with wave.open(os.path.join(here, "tone.wav"), "wb") as w:
    w.setnchannels(1)
    w.setsampwidth(2)
    w.setframerate(RATE)
    w.writeframes(frames)
