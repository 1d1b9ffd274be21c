# Training loss of the first 200 batches, written by compare-inits.
# Re-render with `gnuplot bad-scales.gp` in this folder (reads bad-scales.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'bad-scales.png'
set title 'Too large and too small: N(0, 1) vs N(0, 0.01)'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:200]
plot 'bad-scales.dat' using 1:2 with lines linewidth 2 title 'N(0, 1) (val. acc. 25.56%)', \
     '' using 1:3 with lines linewidth 2 title 'N(0, 0.01) (val. acc. 10.21%)'
