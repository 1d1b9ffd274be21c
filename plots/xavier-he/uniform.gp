# Training loss of the first 100 batches, written by compare-inits.
# Re-render with `gnuplot uniform.gp` in this folder (reads uniform.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'uniform.png'
set title 'Uniform: Xavier vs He vs LeCun'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:100]
plot 'uniform.dat' using 1:2 with lines linewidth 2 title 'Xavier uniform (val. acc. 86.27% ± 0.31)', \
     '' using 1:3 with lines linewidth 2 title 'He uniform (val. acc. 86.19% ± 0.37)', \
     '' using 1:4 with lines linewidth 2 title 'LeCun uniform (val. acc. 86.17% ± 0.30)'
