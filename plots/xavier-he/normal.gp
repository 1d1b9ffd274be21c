# Training loss of the first 100 batches, written by compare-inits.
# Re-render with `gnuplot normal.gp` in this folder (reads normal.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'normal.png'
set title 'Normal: Xavier vs He vs LeCun'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:100]
plot 'normal.dat' using 1:2 with lines linewidth 2 title 'Xavier normal (val. acc. 86.30% ± 0.51)', \
     '' using 1:3 with lines linewidth 2 title 'He normal (val. acc. 86.49% ± 0.33)', \
     '' using 1:4 with lines linewidth 2 title 'LeCun normal (val. acc. 86.20% ± 0.87)'
